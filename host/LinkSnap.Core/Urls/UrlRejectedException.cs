namespace LinkSnap.Core.Urls;

/// <summary>A URL that LinkSnap will not capture; the message says why and what to do instead.</summary>
public sealed class UrlRejectedException(string message) : Exception(message);
