using SkiaSharp;

namespace LinkSnap.Bench.Scoring;

/// <summary>
/// Compares two screenshots. Both are laid on a canvas as large as the union of their sizes
/// (anchored top-left) so that a copy that is shorter or longer than the reference is penalized
/// for every pixel it lacks or adds, not cropped into agreement.
/// </summary>
public static class ImageSimilarity
{
    /// <summary>Per-channel difference still counted as the same pixel (anti-aliasing, font hinting).</summary>
    public const int DefaultTolerance = 16;

    public static ImageComparison Compare(byte[] referencePng, byte[] candidatePng, int tolerance = DefaultTolerance)
    {
        using var reference = Decode(referencePng);
        using var candidate = Decode(candidatePng);
        return Compare(reference, candidate, tolerance);
    }

    public static ImageComparison Compare(SKBitmap reference, SKBitmap candidate, int tolerance = DefaultTolerance)
    {
        var width = Math.Max(reference.Width, candidate.Width);
        var height = Math.Max(reference.Height, candidate.Height);
        var a = Luma(reference, width, height, out var aInside);
        var b = Luma(candidate, width, height, out var bInside);
        var ra = reference.GetPixelSpan();
        var rb = candidate.GetPixelSpan();

        long matching = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                if (!aInside[i] || !bInside[i])
                {
                    continue;
                }

                var pa = (y * reference.Width + x) * 4;
                var pb = (y * candidate.Width + x) * 4;
                if (Math.Abs(ra[pa] - rb[pb]) <= tolerance
                    && Math.Abs(ra[pa + 1] - rb[pb + 1]) <= tolerance
                    && Math.Abs(ra[pa + 2] - rb[pb + 2]) <= tolerance)
                {
                    matching++;
                }
            }
        }

        long union = 0;
        for (var i = 0; i < aInside.Length; i++)
        {
            if (aInside[i] || bInside[i])
            {
                union++;
            }
        }

        var share = union == 0 ? 1 : (double)matching / union;
        var ssim = Ssim.Mean(a, b, width, height);
        return new ImageComparison(share, ssim, reference.Width, reference.Height, candidate.Width, candidate.Height);
    }

    public static SKBitmap Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a decodable image");
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        if (!decoded.CopyTo(bitmap, SKColorType.Rgba8888))
        {
            // Fall back to drawing, which converts any color type.
            using var image = SKImage.FromBitmap(decoded);
            using var canvas = new SKCanvas(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        return bitmap;
    }

    /// <summary>Grey levels on the union canvas; outside the image the canvas is white, as a browser's empty page.</summary>
    private static double[] Luma(SKBitmap bitmap, int width, int height, out bool[] inside)
    {
        var luma = new double[width * height];
        inside = new bool[width * height];
        Array.Fill(luma, 255);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = (y * bitmap.Width + x) * 4;
                luma[y * width + x] = 0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2];
                inside[y * width + x] = true;
            }
        }

        return luma;
    }
}
