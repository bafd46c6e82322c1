namespace LinkSnap.Relay;

/// <summary>
/// Appends to &lt;data&gt;/logs/relay.log. stdout belongs to the browser (frames only) and stderr goes to
/// the browser's log at best, so the file is where a person looks when something went wrong.
/// Logging never throws: a relay that cannot log must still answer.
/// </summary>
internal sealed class RelayLog
{
    private readonly string? _path;

    public RelayLog(string logsDirectory)
    {
        try
        {
            // Owner-only like everything in the data directory (the relay may be the first to create it).
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(logsDirectory);
            }
            else
            {
                Directory.CreateDirectory(logsDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            _path = Path.Combine(logsDirectory, "relay.log");
        }
        catch (Exception)
        {
            _path = null;
        }
    }

    public void Write(string message)
    {
        if (_path is null)
        {
            return;
        }

        try
        {
            var line = $"{DateTimeOffset.UtcNow:O} [{Environment.ProcessId}] {message}{Environment.NewLine}";
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(_path, options);
            writer.Write(line);
        }
        catch (Exception)
        {
            // Deliberately ignored: see the class comment.
        }
    }
}
