using System.Text.Json;

namespace LinkSnap.Install;

/// <summary>
/// The host manifests `linksnap install --user-data-dir DIR` wrote into a profile of its own, kept in the
/// data directory (native-host-profiles.json) so `linksnap doctor` checks them too: it cannot guess them.
/// </summary>
public sealed class InstalledProfiles(string dataDirectory)
{
    public sealed record Entry(string Browser, string UserDataDir, string Manifest);

    private string FilePath => Path.Combine(dataDirectory, "native-host-profiles.json");

    public IReadOnlyList<Entry> Read()
    {
        try
        {
            return JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(FilePath)) ?? [];
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return []; // none recorded (or an unreadable record): doctor checks the usual folders only
        }
    }

    public void Add(Entry entry) => Write([.. Read().Where(e => e.Manifest != entry.Manifest), entry]);

    public void Remove(string manifest) => Write([.. Read().Where(e => e.Manifest != manifest)]);

    private void Write(IReadOnlyList<Entry> entries)
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(FilePath + ".tmp", JsonSerializer.Serialize(entries));
        File.Move(FilePath + ".tmp", FilePath, overwrite: true);
    }
}
