using LinkSnap.Daemon;
using Microsoft.Extensions.Configuration;
using NUnit.Framework;

namespace LinkSnap.Tests.Daemon;

/// <summary>Daemon:JobTimeout became Capture:JobTimeout (decision 066): an old configuration keeps its meaning and is told to rename.</summary>
[TestFixture]
public sealed class RenamedSettingsTests
{
    [Test]
    public void The_old_job_timeout_key_sets_the_one_limit_with_a_warning_unless_the_new_key_is_set()
    {
        var old = new ConfigurationManager();
        old.AddInMemoryCollection(new Dictionary<string, string?> { ["Daemon:JobTimeout"] = "00:05:00" });
        var both = new ConfigurationManager();
        both.AddInMemoryCollection(new Dictionary<string, string?> { ["Daemon:JobTimeout"] = "00:05:00", ["Capture:JobTimeout"] = "00:01:00" });
        var neither = new ConfigurationManager();

        var oldWarnings = RenamedSettings.Apply(old);
        var bothWarnings = RenamedSettings.Apply(both);

        Assert.That(old["Capture:JobTimeout"], Is.EqualTo("00:05:00"));
        Assert.That(oldWarnings.Single(), Does.Contain("Daemon:JobTimeout is now called Capture:JobTimeout"));
        Assert.That(both["Capture:JobTimeout"], Is.EqualTo("00:01:00"), "the new key wins");
        Assert.That(bothWarnings.Single(), Does.Contain("Daemon:JobTimeout (00:05:00) is no longer read"));
        Assert.That(RenamedSettings.Apply(neither), Is.Empty);
    }
}
