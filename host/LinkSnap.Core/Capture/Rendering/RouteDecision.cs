namespace LinkSnap.Core.Capture.Rendering;

/// <summary>What the page router does with a document request paused before it is sent.</summary>
internal enum RouteDecision
{
    /// <summary>Sent on to the network as it is.</summary>
    Continue,

    /// <summary>The captured document itself: answered from the bytes the engine already has.</summary>
    Fulfil,

    /// <summary>The page sends the tab elsewhere: followed, unless the target cannot be reached.</summary>
    FollowIfReachable,

    /// <summary>Cancelled; a cancelled main-frame navigation keeps the current document.</summary>
    Abort,
}
