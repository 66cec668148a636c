using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Samples;

/// <summary>The samples regenerated once into a temporary folder, shared by a test class.</summary>
public sealed class RegeneratedSamples : IDisposable
{
    private readonly TempDir _dir = new();

    public RegeneratedSamples() => Written = SampleRasterGenerator.WriteAll(_dir.Path);

    public string Directory => _dir.Path;

    public IReadOnlyList<SampleRaster> Written { get; }

    public void Dispose() => _dir.Dispose();
}

internal static class SamplePaths
{
    /// <summary>The committed <c>sample-rasters/</c> folder (found above the test binaries, next to SamGeo.sln).</summary>
    public static string Committed
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SamGeo.sln")))
                    return Path.Combine(dir.FullName, "sample-rasters");
            throw new DirectoryNotFoundException("SamGeo.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string CommittedFile(string name) => Path.Combine(Committed, name);

    public static TheoryData<string> RasterFiles() => new(SampleRasterGenerator.Definitions.Select(d => d.FileName));
}

internal static class PixelChecks
{
    /// <summary>All bands of the raster, widened to UInt16 (GDAL converts Byte losslessly).</summary>
    public static ushort[][] ReadAllBands(GeoRaster raster)
    {
        var bands = new ushort[raster.BandCount][];
        for (int b = 0; b < raster.BandCount; b++)
        {
            bands[b] = new ushort[raster.Width * raster.Height];
            raster.Read<ushort>(b + 1, raster.FullWindow, bands[b]);
        }
        return bands;
    }

    /// <summary>Visits the pixels of <paramref name="window"/> with whether their centre lies inside the pixel-space polygon.</summary>
    public static void Classify(Geometry pixelShape, PixelWindow window, Action<int, int, bool> visit)
    {
        var locator = new IndexedPointInAreaLocator(pixelShape);
        for (int row = window.Row; row < window.RowEnd; row++)
            for (int col = window.Col; col < window.ColEnd; col++)
                visit(col, row, locator.Locate(new Coordinate(col + 0.5, row + 0.5)) == Location.Interior);
    }

    /// <summary>
    /// True when a pixel centre lies within <paramref name="epsilon"/> px of the boundary, where a round trip
    /// through lon/lat may flip the pixel-centre rule.
    /// </summary>
    public static bool NearBoundary(Geometry pixelShape, int col, int row, double epsilon = 1e-6) =>
        DistanceOp.IsWithinDistance(Shapes.Factory.CreatePoint(new Coordinate(col + 0.5, row + 0.5)), pixelShape.Boundary, epsilon);

    /// <summary>The pixels of the raster that the shape's envelope (grown by <paramref name="margin"/>) touches.</summary>
    public static PixelWindow Around(Geometry pixelShape, int margin, int width, int height)
    {
        var e = pixelShape.EnvelopeInternal;
        int c0 = (int)Math.Floor(e.MinX) - margin, r0 = (int)Math.Floor(e.MinY) - margin;
        int c1 = (int)Math.Ceiling(e.MaxX) + margin, r1 = (int)Math.Ceiling(e.MaxY) + margin;
        return new PixelWindow(c0, r0, c1 - c0, r1 - r0).Intersect(new PixelWindow(0, 0, width, height));
    }
}
