using Spectre.Console;

namespace Sam.Geo.Cli;

internal static class Program
{
    public static int Main(string[] args) => SamGeoApp.Run(args, AnsiConsole.Console, Console.Error);
}
