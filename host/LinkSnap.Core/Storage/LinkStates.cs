namespace LinkSnap.Core.Storage;

/// <summary>A link's read-later states, as Pocket, wallabag, Pinboard and browsers' TOREAD/PRIVATE keep them.</summary>
public sealed record LinkStates(bool Read = false, bool Favorite = false, bool Archived = false, bool Private = false);
