namespace LinkSnap.Bench.Fidelity;

/// <summary>One replayable site of corpus/fidelity, served at the root of its own loopback server.</summary>
public sealed record FidelitySite(string Name, string Directory)
{
    /// <summary>iana first, then the servo sites in name order.</summary>
    public static IReadOnlyList<FidelitySite> Discover(string fidelityRoot)
    {
        var sites = new List<FidelitySite>();
        var iana = Path.Combine(fidelityRoot, "iana");
        if (File.Exists(Path.Combine(iana, "index.html")))
        {
            sites.Add(new FidelitySite("iana", iana));
        }

        var servo = Path.Combine(fidelityRoot, "servo");
        if (System.IO.Directory.Exists(servo))
        {
            sites.AddRange(System.IO.Directory.EnumerateDirectories(servo)
                .Where(d => File.Exists(Path.Combine(d, "index.html")))
                .Order(StringComparer.Ordinal)
                .Select(d => new FidelitySite(Path.GetFileName(d), d)));
        }

        return sites;
    }
}
