using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Samples;

/// <summary>The committed truth files against the committed pixels.</summary>
public sealed class SampleTruthTests
{
    public static TheoryData<string> Files => SamplePaths.RasterFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Truth_Objects_HaveUniqueIdsAndValidLonLatPolygons(string file)
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(file));
        var truth = TruthFile.Read(TruthFile.PathFor(raster.Path), raster);

        Assert.NotEmpty(truth);
        Assert.Equal(truth.Count, truth.Select(o => o.Id).Distinct().Count());
        foreach (var o in truth)
        {
            Assert.True(o.LonLat is Polygon or MultiPolygon, $"{file} object {o.Id}: {o.LonLat.GeometryType}");
            Assert.True(o.LonLat.IsValid, $"{file} object {o.Id} ({o.Class}) is not a valid polygon in lon/lat");
            Assert.True(o.Pixel.IsValid, $"{file} object {o.Id} ({o.Class}) is not a valid polygon in pixels");
            var e = o.LonLat.EnvelopeInternal;
            Assert.InRange(e.MinX, 8.9, 15.1);
            Assert.InRange(e.MinY, 44.9, 45.1);
            var p = o.Pixel.EnvelopeInternal;
            Assert.True(p.MinX >= -1e-6 && p.MinY >= -1e-6 && p.MaxX <= raster.Width + 1e-6 && p.MaxY <= raster.Height + 1e-6,
                $"{file} object {o.Id} lies outside the raster: {p}");
            for (int i = 0; i < o.LonLat.NumGeometries; i++)
                Assert.True(Orientation.IsCCW(((Polygon)o.LonLat.GetGeometryN(i)).Shell.CoordinateSequence), $"{file} object {o.Id}: shell not counter-clockwise (RFC 7946)");
        }
    }

    /// <summary>
    /// Every pixel whose centre lies inside an object's truth polygon is within the object's texture range of its
    /// colour; just outside (1.5 px ring) hardly any pixel is.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Truth_PixelCentresInside_HaveTheObjectsColour(string file)
    {
        var definition = SampleRasterGenerator.Definitions.Single(d => d.FileName == file);
        var scene = definition.Build().Objects.ToDictionary(o => o.Id);
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(file));
        var bands = PixelChecks.ReadAllBands(raster);
        var truth = TruthFile.Read(TruthFile.PathFor(raster.Path), raster);

        foreach (var o in truth)
        {
            var source = scene[o.Id];
            double[] tolerance = source.Color.Select(c => c * source.Texture.MaxRelativeDeviation + 0.5 + 1e-9).ToArray();
            bool Matches(int col, int row)
            {
                int i = row * raster.Width + col;
                for (int b = 0; b < bands.Length; b++)
                    if (Math.Abs(bands[b][i] - source.Color[b]) > tolerance[b]) return false;
                return true;
            }

            int inside = 0, insideWrong = 0;
            var window = PixelChecks.Around(o.Pixel, 3, raster.Width, raster.Height);
            PixelChecks.Classify(o.Pixel, window, (col, row, isInside) =>
            {
                if (!isInside) return;
                inside++;
                if (!Matches(col, row) && !PixelChecks.NearBoundary(o.Pixel, col, row)) insideWrong++;
            });
            Assert.True(inside > 0, $"{file} object {o.Id} ({o.Class}) covers no pixel centre");
            Assert.True(insideWrong == 0, $"{file} object {o.Id} ({o.Class}): {insideWrong} of {inside} pixels inside its truth are not its colour");

            int ring = 0, ringMatching = 0;
            var shape = new IndexedPointInAreaLocator(o.Pixel);
            PixelChecks.Classify(o.Pixel.Buffer(1.5), window, (col, row, inBuffer) =>
            {
                if (!inBuffer || shape.Locate(new Coordinate(col + 0.5, row + 0.5)) == Location.Interior) return;
                ring++;
                if (Matches(col, row)) ringMatching++;
            });
            Assert.True(ringMatching <= 0.05 * ring, $"{file} object {o.Id} ({o.Class}): {ringMatching} of {ring} pixels just outside its truth look like it");
        }
    }
}
