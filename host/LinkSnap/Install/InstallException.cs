namespace LinkSnap.Install;

/// <summary>Bad install arguments or an environment problem, shown to the user as is (exit code 2).</summary>
public sealed class InstallException(string message) : Exception(message);
