using System.ComponentModel;
using Sam.Geo.Cli.Samples;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary><c>samgeo make-samples DIR</c>: writes the project's synthetic sample rasters and their truth files.</summary>
internal sealed class MakeSamplesCommand(IAnsiConsole console) : Command<MakeSamplesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Folder to write into (created when missing; existing samples are replaced).")]
        public string Directory { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Directory) ? ValidationResult.Error("give the folder to write the samples into") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<SampleRaster> written;
        try
        {
            written = SampleRasterGenerator.WriteAll(settings.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SamGeoInputException($"cannot write the samples into {settings.Directory}: {e.Message}", e);
        }
        foreach (var sample in written)
            console.MarkupLineInterpolated(
                $"wrote [green]{sample.RasterPath}[/] and {Path.GetFileName(sample.TruthPath)} ({sample.Objects.Count} objects)");
        return 0;
    }
}
