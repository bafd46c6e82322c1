namespace LinkSnap.Bench.Scoring;

/// <summary>True/false positives and false negatives of one document, normalized to sum to 1 (or all 0).</summary>
public readonly record struct ShingleScore(double TruePositives, double FalsePositives, double FalseNegatives)
{
    /// <summary>The benchmark's precision: 1 when nothing differs, 0 when nothing was predicted right.</summary>
    public double Precision =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalsePositives == 0 ? 0
        : TruePositives / (TruePositives + FalsePositives);

    public double Recall =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalseNegatives == 0 ? 0
        : TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
