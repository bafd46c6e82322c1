namespace LinkSnap.Bench.Scoring;

/// <summary>Averaged scores of one extractor over a set of documents.</summary>
public sealed record ExtractionQuality(double Precision, double Recall, double F1, int Documents);
