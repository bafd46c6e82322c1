namespace LinkSnap.Core.Capture.Consent;

/// <summary>
/// What the consent step did on a fresh capture (decision 072), kept in snapshot.json under
/// <c>metadata.quality.consent</c>: the consent manager autoconsent recognised (its rule name, e.g.
/// "Onetrust"), the action and how many elements were clicked.
/// </summary>
public sealed record ConsentDismissal(string Cmp, string Action, int Clicks)
{
    /// <summary>Non-essential cookies were refused through the banner's own controls.</summary>
    public const string Rejected = "rejected";

    /// <summary>The rule for this consent manager only hides its banner (autoconsent's cosmetic rules).</summary>
    public const string Hidden = "hidden";

    /// <summary>The banner was found but the opt-out did not finish (in time): it may still be in the capture.</summary>
    public const string Failed = "failed";
}
