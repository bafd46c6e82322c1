namespace LinkSnap.Bench.Scoring;

/// <summary>
/// Structural similarity (Wang et al. 2004) of two grey images, averaged over 8×8 windows
/// stepping by 4 with the paper's constants (K1 = 0.01, K2 = 0.03, L = 255). The uniform window
/// instead of the 11×11 Gaussian is the common fast variant; values agree to about 0.01.
/// </summary>
public static class Ssim
{
    private const int Window = 8;
    private const int Step = 4;
    private const double C1 = 0.01 * 255 * 0.01 * 255;
    private const double C2 = 0.03 * 255 * 0.03 * 255;

    public static double Mean(double[] a, double[] b, int width, int height)
    {
        if (width < Window || height < Window)
        {
            return a.AsSpan().SequenceEqual(b) ? 1 : 0;
        }

        double total = 0;
        long windows = 0;
        const int n = Window * Window;
        for (var y = 0; y + Window <= height; y += Step)
        {
            for (var x = 0; x + Window <= width; x += Step)
            {
                double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
                for (var dy = 0; dy < Window; dy++)
                {
                    var row = (y + dy) * width + x;
                    for (var dx = 0; dx < Window; dx++)
                    {
                        var va = a[row + dx];
                        var vb = b[row + dx];
                        sa += va;
                        sb += vb;
                        saa += va * va;
                        sbb += vb * vb;
                        sab += va * vb;
                    }
                }

                var ma = sa / n;
                var mb = sb / n;
                var va2 = saa / n - ma * ma;
                var vb2 = sbb / n - mb * mb;
                var cov = sab / n - ma * mb;
                total += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va2 + vb2 + C2));
                windows++;
            }
        }

        return total / windows;
    }
}
