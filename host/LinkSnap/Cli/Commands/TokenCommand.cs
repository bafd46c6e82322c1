using System.CommandLine;
using LinkSnap.Web;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap token --rotate`: replaces the library's login token. Every open library session, login
/// link and snapshot URL made from the old token stops working; prints the new login link.
/// </summary>
public static class TokenCommand
{
    public static Command Create(CliSession session)
    {
        var rotate = new Option<bool>("--rotate") { Description = "replace the token now (every library session ends)" };
        var json = CliOptions.Json();
        var command = new Command("token", "replace the library's login token; every library session ends") { rotate, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(rotate))
            {
                throw new CliUsageException("Use `linksnap token --rotate` to replace the library's login token (every library session ends).");
            }

            var client = await session.DaemonAsync(cancellationToken);
            var rotated = await client.SendAsync<TokenRotatedDto>(HttpMethod.Post, "/api/token/rotate", null, cancellationToken);
            session.Write(result.GetValue(json), rotated, () =>
            {
                session.Output.WriteLine("Rotated the library token: every library session and earlier login link has stopped working.");
                session.Output.WriteLine($"  new login link: {rotated.LoginUrl}");
            });
            return CliApp.Ok;
        });
        return command;
    }
}
