namespace LinkSnap.Api;

/// <summary>A request carries more than a documented limit allows (docs/configuration.md "Limits"); 413 in the API, too-large in the protocol.</summary>
public sealed class ContentTooLargeException(string message) : Exception(message);
