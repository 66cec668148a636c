using System.ComponentModel;
using Sam.Geo.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary>Options of the commands that write polygons (segment, auto): output, its CRS, cleanup.</summary>
internal class OutputSettings : RasterModelSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("Output: .geojson (WGS 84 unless --out-crs), .shp, .gpkg (the raster's CRS) or .tif (object ids on the raster's grid).")]
    public string Output { get; init; } = "";

    [CommandOption("--out-crs <CRS>")]
    [Description("CRS of the GeoJSON output (default WGS 84 lon/lat, as RFC 7946 says).")]
    public string? OutCrs { get; init; }

    [CommandOption("--overwrite")]
    [Description("Replace an existing output.")]
    public bool Overwrite { get; init; }

    [CommandOption("--min-area <AREA>")]
    [Description("Drop polygon parts (and, in auto, regions) smaller than this: square metres (25) or pixels (40px).")]
    public string? MinArea { get; init; }

    /// <summary>--min-area parsed (none when not given).</summary>
    public AreaThreshold MinAreaThreshold => MinArea is null ? AreaThreshold.None : AreaThreshold.Parse(MinArea, "--min-area");

    [CommandOption("--simplify <PX>")]
    [Description("Topology-preserving simplification tolerance in pixels; 0 keeps exact pixel edges.")]
    [DefaultValue(0.5)]
    public double Simplify { get; init; } = 0.5;

    public override ValidationResult Validate()
    {
        var baseResult = base.Validate();
        if (!baseResult.Successful) return baseResult;
        if (string.IsNullOrWhiteSpace(Output)) return ValidationResult.Error("give the output file with -o FILE");
        if (Simplify < 0 || !double.IsFinite(Simplify)) return ValidationResult.Error("--simplify must be >= 0");
        return ValidationResult.Success();
    }
}
