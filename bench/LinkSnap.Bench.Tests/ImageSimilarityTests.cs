using LinkSnap.Bench.Scoring;
using NUnit.Framework;
using SkiaSharp;

namespace LinkSnap.Bench.Tests;

public class ImageSimilarityTests
{
    [Test]
    public void Identical_images_are_fully_similar()
    {
        var png = Png(64, 48, (c, _) => DrawPattern(c));

        var result = ImageSimilarity.Compare(png, png);

        Assert.Multiple(() =>
        {
            Assert.That(result.MatchingPixelShare, Is.EqualTo(1.0));
            Assert.That(result.Ssim, Is.EqualTo(1.0).Within(1e-9));
        });
    }

    [Test]
    public void Half_repainted_image_matches_half_of_its_pixels()
    {
        var reference = Png(100, 100, (c, _) => c.Clear(SKColors.White));
        var candidate = Png(100, 100, (c, p) =>
        {
            c.Clear(SKColors.White);
            c.DrawRect(0, 0, 100, 50, p);
        });

        var result = ImageSimilarity.Compare(reference, candidate);

        Assert.Multiple(() =>
        {
            Assert.That(result.MatchingPixelShare, Is.EqualTo(0.5).Within(0.01));
            Assert.That(result.Ssim, Is.LessThan(0.6));
        });
    }

    [Test]
    public void Small_colour_noise_within_tolerance_still_matches()
    {
        var reference = Png(20, 20, (c, _) => c.Clear(new SKColor(200, 100, 50)));
        var candidate = Png(20, 20, (c, _) => c.Clear(new SKColor(205, 95, 52)));

        Assert.That(ImageSimilarity.Compare(reference, candidate).MatchingPixelShare, Is.EqualTo(1.0));
    }

    [Test]
    public void A_copy_twice_as_tall_matches_at_most_half()
    {
        var reference = Png(50, 100, (c, _) => c.Clear(SKColors.White));
        var candidate = Png(50, 200, (c, _) => c.Clear(SKColors.White));

        var result = ImageSimilarity.Compare(reference, candidate);

        Assert.Multiple(() =>
        {
            Assert.That(result.MatchingPixelShare, Is.EqualTo(0.5).Within(1e-9));
            Assert.That((result.ReferenceHeight, result.CandidateHeight), Is.EqualTo((100, 200)));
        });
    }

    [Test]
    public void Shifted_text_lowers_ssim()
    {
        var reference = Png(200, 60, (c, _) => DrawPattern(c));
        var shifted = Png(200, 60, (c, _) =>
        {
            c.Translate(3, 2);
            DrawPattern(c);
        });

        var result = ImageSimilarity.Compare(reference, shifted);

        Assert.That(result.Ssim, Is.LessThan(0.95).And.GreaterThan(0.0));
    }

    private static void DrawPattern(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = SKColors.Black };
        for (var x = 0; x < 200; x += 8)
        {
            canvas.DrawRect(x, 10, 4, 30, paint);
        }
    }

    private static byte[] Png(int width, int height, Action<SKCanvas, SKPaint> draw)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.Black })
        {
            draw(canvas, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
