using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>A capture result with its folder, and helpers to read what was saved.</summary>
public sealed record Captured(CaptureResult Result, string Directory)
{
    public ArtifactInfo Artifact(string kind) =>
        Result.Artifacts.FirstOrDefault(a => a.Kind == kind) ?? throw new AssertionException($"no {kind} artifact in the result");

    /// <summary>Path of an artifact that must have been saved.</summary>
    public string PathOf(string kind)
    {
        var artifact = Artifact(kind);
        Assert.That(artifact.Status, Is.EqualTo(ArtifactStatus.Ok), $"{kind}: {artifact.Error}");
        var path = System.IO.Path.Combine(Directory, artifact.FileName!);
        Assert.That(File.Exists(path), Is.True, path);
        return path;
    }

    public string Text(string kind) => File.ReadAllText(PathOf(kind));

    public byte[] Bytes(string kind) => File.ReadAllBytes(PathOf(kind));
}
