using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sam.Geo.Raster;
using Sam.Geo.Tiling;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sam.Geo.Cli.Commands;

/// <summary><c>samgeo info RASTER</c>: what a GIS user checks before segmenting.</summary>
internal sealed class InfoCommand(IAnsiConsole console) : Command<InfoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RASTER>")]
        [Description("Raster file (GeoTIFF, COG, VRT, JPEG 2000... anything GDAL reads).")]
        public string Raster { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print machine-readable JSON instead of text.")]
        public bool Json { get; init; }

        [CommandOption("--tile-size <PX>")]
        [Description("Tile size in pixels for the tile count.")]
        [DefaultValue(1024)]
        public int TileSize { get; init; } = 1024;

        [CommandOption("--overlap <PX>")]
        [Description("Tile overlap in pixels for the tile count.")]
        [DefaultValue(128)]
        public int Overlap { get; init; } = 128;

        public override ValidationResult Validate() =>
            TileSize <= 0 ? ValidationResult.Error("--tile-size must be positive")
            : Overlap < 0 || Overlap >= TileSize ? ValidationResult.Error("--overlap must be >= 0 and smaller than --tile-size")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var raster = GeoRaster.Open(settings.Raster);
        var d = RasterDescription.Of(raster);
        var grid = new TileGrid(raster.Width, raster.Height, settings.TileSize, settings.Overlap);
        if (settings.Json) WriteJson(d, grid);
        else WriteText(d, grid);
        return 0;
    }

    private void WriteText(RasterDescription d, TileGrid grid)
    {
        static string F(double v) => v.ToString("0.########", CultureInfo.InvariantCulture);
        console.WriteLine($"File:        {d.Path} ({d.Driver})");
        console.WriteLine($"Size:        {d.Width} x {d.Height} px, {d.Bands.Count} band{(d.Bands.Count == 1 ? "" : "s")}");
        foreach (var b in d.Bands)
        {
            string nd = b.NoData is double v ? $", nodata {F(v)}" : "";
            string ovr = b.OverviewCount > 0 ? $", {b.OverviewCount} overviews" : "";
            console.WriteLine($"  Band {b.Index}:    {b.DataTypeName}, {b.ColorInterpretation}{nd}{ovr}");
        }
        console.WriteLine(d.CrsName is null ? "CRS:         none" : $"CRS:         {d.CrsName}{(d.Epsg is int e ? $" (EPSG:{e})" : "")}");
        if (d.GeoTransform is GeoTransform gt)
        {
            console.WriteLine($"Pixel size:  {F(d.PixelWidth)} x {F(d.PixelHeight)} {d.Units}{(gt.IsRotated ? " (rotated)" : "")}");
            console.WriteLine($"GeoTransform: {string.Join(", ", gt.ToArray().Select(F))}");
        }
        else console.WriteLine("GeoTransform: none (not georeferenced)");
        if (d.Bounds is Bounds nb) console.WriteLine($"Bounds:      {F(nb.MinX)}, {F(nb.MinY)}, {F(nb.MaxX)}, {F(nb.MaxY)} (raster CRS)");
        if (d.BoundsWgs84 is Bounds wb) console.WriteLine($"Bounds:      {wb.MinX:F7}, {wb.MinY:F7}, {wb.MaxX:F7}, {wb.MaxY:F7} (WGS 84 lon/lat)");
        console.WriteLine($"Tiles:       {grid.Count} ({grid.Columns} x {grid.Rows}) of {grid.TileSize} px, overlap {grid.Overlap} px");
    }

    private void WriteJson(RasterDescription d, TileGrid grid) =>
        console.Profile.Out.Writer.WriteLine(ToJson(d, grid));

    /// <summary>The <c>--json</c> document (indented); <c>samgeo serve</c> answers <c>GET /info</c> with it too.</summary>
    internal static string ToJson(RasterDescription d, TileGrid grid)
    {
        static object? B(Bounds? b) => b is Bounds v ? new[] { v.MinX, v.MinY, v.MaxX, v.MaxY } : null;
        var doc = new
        {
            path = d.Path,
            driver = d.Driver,
            width = d.Width,
            height = d.Height,
            bands = d.Bands.Select(b => new { index = b.Index, type = b.DataTypeName, color = b.ColorInterpretation, nodata = b.NoData, overviews = b.OverviewCount }),
            crs = d.CrsName is null ? null : new { name = d.CrsName, epsg = d.Epsg, wkt = d.CrsWkt },
            geotransform = d.GeoTransform?.ToArray(),
            pixelSize = d.GeoTransform is null ? null : new[] { d.PixelWidth, d.PixelHeight },
            units = d.Units,
            bounds = B(d.Bounds),
            boundsWgs84 = B(d.BoundsWgs84),
            tiles = new { count = grid.Count, columns = grid.Columns, rows = grid.Rows, tileSize = grid.TileSize, overlap = grid.Overlap },
        };
        // A NaN nodata (common in float rasters) is written "NaN", as gdalinfo -json does: JSON has no NaN number.
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals });
    }
}
