using Sam.Geo.Cli;
using Spectre.Console;

namespace Sam.Geo.Tests.Fixtures;

/// <summary>Runs the samgeo command in-process with captured stdout and stderr.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        int code = SamGeoApp.Run(args, console, errors);
        return new Result(code, output.ToString(), errors.ToString());
    }
}
