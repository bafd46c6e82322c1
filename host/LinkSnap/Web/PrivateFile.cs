namespace LinkSnap.Web;

/// <summary>Small secret files of the library (token, host name, sessions): owner-only, replaced atomically.</summary>
internal static class PrivateFile
{
    public static void Write(string path, string text)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, System.Text.Encoding.UTF8, options))
        {
            writer.Write(text);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static string Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";
}
