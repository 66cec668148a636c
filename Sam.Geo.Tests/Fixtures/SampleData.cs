using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Fixtures;

/// <summary>The committed sample rasters and their ground truth.</summary>
public static class SampleData
{
    /// <summary>The repository's sample-rasters folder.</summary>
    public static string Folder => Samples.SamplePaths.Committed;

    public static string Raster(string name) => Path.Combine(Folder, name + ".tif");

    /// <summary>The truth objects of a sample raster, with pixel and lon/lat geometries.</summary>
    public static IReadOnlyList<TruthObject> Truth(string name)
    {
        using var raster = GeoRaster.Open(Raster(name));
        return TruthFile.Read(TruthFile.PathFor(Raster(name)), raster);
    }

    /// <summary>IoU of two polygonal geometries.</summary>
    public static double IoU(Geometry a, Geometry b)
    {
        double inter = a.Intersection(b).Area;
        return inter / (a.Area + b.Area - inter);
    }
}
