namespace Tazlab.Components.Commands;

/// <summary>
/// How the program's local commands run the tazlab CLI: from the project folder (the command's <c>dir</c>, given
/// relative to the program's folder, so the state holds no machine's absolute path), with the .NET SDK that runs
/// the program itself.
/// </summary>
public static class TazlabCli
{
    public static string Command(string arguments) => $"dotnet run --project cli -- {arguments}";
}
