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
            Directory.CreateDirectory(logsDirectory);
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
            File.AppendAllText(_path, line);
        }
        catch (Exception)
        {
            // Deliberately ignored: see the class comment.
        }
    }
}
