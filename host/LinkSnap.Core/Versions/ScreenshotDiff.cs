using SkiaSharp;

namespace LinkSnap.Core.Versions;

/// <summary>
/// Compares two screenshots pixel by pixel on a canvas as large as both (where only one image has
/// pixels, they count as changed). A pixel is changed when its colour channels differ by more than
/// <see cref="PixelTolerance"/> in total, which ignores PNG/antialiasing noise. Changed pixels are
/// gathered into grid cells and merged into rectangles for the overlay.
/// </summary>
public static class ScreenshotDiff
{
    /// <summary>Sum of |ΔR|+|ΔG|+|ΔB|+|ΔA| (0–1020) at or below which two pixels count as the same.</summary>
    public const int PixelTolerance = 48;

    /// <summary>Images above this many pixels are not decoded (a 16,000 px tall page at 1,280 px wide is 20 M).</summary>
    public const long MaxPixels = 40_000_000;

    private const int MaxRegions = 400;

    /// <summary>Null when an image cannot be decoded or is too large (the message says which).</summary>
    public static ScreenshotDiffResult Compare(string beforePath, string afterPath, out string? problem)
    {
        problem = null;
        using var before = Decode(beforePath, ref problem);
        using var after = Decode(afterPath, ref problem);
        if (before is null || after is null)
        {
            return new ScreenshotDiffResult(0, 0, 0, 0, 0, 0, 0, []);
        }

        var width = Math.Max(before.Width, after.Width);
        var height = Math.Max(before.Height, after.Height);
        var cell = Math.Max(16, (int)Math.Ceiling(Math.Sqrt((double)width * height / 20_000)));
        var columns = (width + cell - 1) / cell;
        var cells = new bool[columns * ((height + cell - 1) / cell)];
        var a = before.GetPixelSpan();
        var b = after.GetPixelSpan();
        long changed = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inA = x < before.Width && y < before.Height;
                var inB = x < after.Width && y < after.Height;
                if (inA && inB && Same(a, (y * before.Width + x) * 4, b, (y * after.Width + x) * 4))
                {
                    continue;
                }

                changed++;
                cells[y / cell * columns + x / cell] = true;
            }
        }

        var regions = RegionMerger.Merge(cells, columns, cell, width, height, MaxRegions);
        return new ScreenshotDiffResult(before.Width, before.Height, after.Width, after.Height, width, height, (double)changed / ((long)width * height), regions);
    }

    /// <summary>Width × height of an image without decoding its pixels; null when it is not an image Skia reads.</summary>
    public static (int Width, int Height)? Dimensions(string path)
    {
        using var codec = SKCodec.Create(path);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    private static bool Same(ReadOnlySpan<byte> a, int i, ReadOnlySpan<byte> b, int j) =>
        Math.Abs(a[i] - b[j]) + Math.Abs(a[i + 1] - b[j + 1]) + Math.Abs(a[i + 2] - b[j + 2]) + Math.Abs(a[i + 3] - b[j + 3]) <= PixelTolerance;

    private static SKBitmap? Decode(string path, ref string? problem)
    {
        using var codec = SKCodec.Create(path);
        if (codec is null)
        {
            problem ??= $"{Path.GetFileName(path)} is not an image that can be read.";
            return null;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            problem ??= $"{Path.GetFileName(path)} is {codec.Info.Width}×{codec.Info.Height} pixels; screenshots above {MaxPixels / 1_000_000} million pixels are not compared.";
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        problem ??= $"{Path.GetFileName(path)} could not be decoded ({result}).";
        return null;
    }
}
