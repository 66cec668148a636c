using Spectre.Console.Cli;

namespace Sam.Geo.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => config.SetApplicationName("samgeo"));
        return app.Run(args);
    }
}
