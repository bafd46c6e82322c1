namespace LinkSnap.Testing;

/// <summary>NUnit categories the suites use (see docs/testing.md).</summary>
public static class TestCategories
{
    /// <summary>
    /// The outcome depends on real time passing inside a real browser or a real process (a settle or
    /// navigation limit, an idle timer, a daemon killed at a random moment), where no fake clock can
    /// reach. Bounds are generous, so these pass on a busy machine; they are the first suspects of a
    /// flaky run. `--filter "TestCategory!=TimingSensitive"` leaves them out.
    /// </summary>
    public const string TimingSensitive = "TimingSensitive";
}
