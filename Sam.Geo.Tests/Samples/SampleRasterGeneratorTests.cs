using NetTopologySuite.Geometries;
using Sam.Geo.Cli.Samples;
using Sam.Geo.Raster;

namespace Sam.Geo.Tests.Samples;

/// <summary>The committed samples against a fresh regeneration, and the properties the samples promise.</summary>
public sealed class SampleRasterGeneratorTests(RegeneratedSamples regenerated) : IClassFixture<RegeneratedSamples>
{
    public static TheoryData<string> Files => SamplePaths.RasterFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void WriteAll_Regenerated_PixelsAndGeoreferenceEqualCommitted(string file)
    {
        using var committed = GeoRaster.Open(SamplePaths.CommittedFile(file));
        using var fresh = GeoRaster.Open(Path.Combine(regenerated.Directory, file));

        Assert.Equal((fresh.Width, fresh.Height, fresh.BandCount), (committed.Width, committed.Height, committed.BandCount));
        Assert.Equal(fresh.GeoTransform, committed.GeoTransform);
        Assert.True(fresh.Crs!.IsSame(committed.Crs!), $"{file}: CRS {committed.Crs} differs from {fresh.Crs}");
        Assert.Equal(fresh.Bands.Select(b => (b.DataType, b.NoData, b.ColorInterpretation)),
            committed.Bands.Select(b => (b.DataType, b.NoData, b.ColorInterpretation)));
        var expected = PixelChecks.ReadAllBands(fresh);
        var actual = PixelChecks.ReadAllBands(committed);
        for (int b = 0; b < expected.Length; b++)
        {
            int differing = expected[b].Zip(actual[b]).Count(p => p.First != p.Second);
            Assert.True(differing == 0, $"{file} band {b + 1}: {differing} pixels differ from the generator's output; regenerate with `samgeo make-samples sample-rasters`");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void WriteAll_Regenerated_TruthEqualsCommitted(string file)
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(file));
        var committed = TruthFile.Read(TruthFile.PathFor(SamplePaths.CommittedFile(file)), raster);
        var fresh = TruthFile.Read(TruthFile.PathFor(Path.Combine(regenerated.Directory, file)), raster);

        Assert.Equal(fresh.Select(o => (o.Id, o.Class, string.Join(",", o.Color))), committed.Select(o => (o.Id, o.Class, string.Join(",", o.Color))));
        foreach (var (f, c) in fresh.Zip(committed))
            Assert.True(f.LonLat.EqualsExact(c.LonLat, 1e-10), $"{file}: truth of object {c.Id} ({c.Class}) differs from the generator's");
    }

    [Theory]
    [InlineData(RgbUtmScene.FileName, 32632)]
    [InlineData(SmallScenes.MultispectralFile, 3857)]
    [InlineData(SmallScenes.RotatedFile, 32633)]
    [InlineData(SmallScenes.Wgs84File, 4326)]
    public void Sample_Crs_IsTheSpecifiedEpsg(string file, int epsg)
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(file));
        Assert.Equal(epsg, raster.Crs?.EpsgCode);
    }

    [Fact]
    public void RgbUtm_Bands_AreByteRgbNearNineEastFortyFiveNorth()
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(RgbUtmScene.FileName));
        Assert.Equal((2000, 1500), (raster.Width, raster.Height));
        Assert.Equal(["Red", "Green", "Blue"], raster.Bands.Select(b => b.ColorInterpretation));
        Assert.All(raster.Bands, b => Assert.Equal(RasterDataType.Byte, b.DataType));
        Assert.Equal(0.5, raster.GeoTransform.PixelWidth);

        using var wgs84 = SpatialReference.Wgs84();
        using var toLonLat = new CoordinateTransform(raster.Crs!, wgs84);
        var (x, y) = raster.GeoTransform.PixelToMap(raster.Width / 2.0, raster.Height / 2.0);
        var (lon, lat) = toLonLat.Transform(x, y);
        Assert.InRange(lon, 8.999, 9.001);
        Assert.InRange(lat, 44.99, 45.01);
    }

    [Fact]
    public void RgbUtm_Truth_HasAnObjectWiderThanOneModelFrame()
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(RgbUtmScene.FileName));
        var truth = TruthFile.Read(TruthFile.PathFor(raster.Path), raster);
        Assert.Contains(truth, o => o.Pixel.EnvelopeInternal.Width > 1024 || o.Pixel.EnvelopeInternal.Height > 1024);
        Assert.Contains(truth, o => o.Class == "building" && o.Pixel is Polygon { NumInteriorRings: 1 });
        Assert.Equal(["building", "field", "lake", "road", "tree"], truth.Select(o => o.Class).Distinct().Order());
    }

    [Fact]
    public void Multispectral_Bands_AreFourUInt16WithNoDataZeroAndABorder()
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(SmallScenes.MultispectralFile));
        Assert.Equal(4, raster.BandCount);
        Assert.All(raster.Bands, b => Assert.Equal((RasterDataType.UInt16, (double?)0), (b.DataType, b.NoData)));
        Assert.Equal(["Blue", "Green", "Red", "Undefined"], raster.Bands.Select(b => b.ColorInterpretation));

        var bands = PixelChecks.ReadAllBands(raster);
        int w = raster.Width, h = raster.Height;
        foreach (var band in bands)
        {
            Assert.Equal(0, band[0]);
            Assert.Equal(0, band[w - 1]);
            Assert.Equal(0, band[(h - 1) * w]);
            Assert.Equal(0, band[h * w - 1]);
            var valid = band.Where(v => v != 0).ToArray();
            Assert.InRange(valid.Length, w * h / 2, w * h - 2 * (w + h));
            Assert.InRange((int)valid.Min(), 150, 1000);
            Assert.InRange((int)valid.Max(), 1000, 4500);
        }
        Assert.InRange(bands.Min(b => b.Where(v => v != 0).Min()), 150, 300);
        Assert.InRange((int)bands[3].Max(), 3500, 4500);
        var mask = new byte[w * h];
        Assert.True(raster.ReadValidMask([1, 2, 3, 4], raster.FullWindow, mask, w, h));
        Assert.Equal(bands[0].Count(v => v != 0), mask.Count(m => m != 0));
    }

    [Fact]
    public void Rotated_GeoTransform_HasRotationTerms()
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(SmallScenes.RotatedFile));
        var gt = raster.GeoTransform;
        Assert.True(gt.IsRotated);
        Assert.NotEqual(0, gt.Gt2);
        Assert.NotEqual(0, gt.Gt4);
        Assert.Equal(SmallScenes.RotationDegrees, Math.Atan2(gt.Gt4, gt.Gt1) * 180 / Math.PI, 9);
        Assert.Equal(0.5, gt.PixelWidth, 12);
    }

    [Fact]
    public void Wgs84_GeoTransform_IsInDegrees()
    {
        using var raster = GeoRaster.Open(SamplePaths.CommittedFile(SmallScenes.Wgs84File));
        Assert.True(raster.Crs!.IsGeographic);
        Assert.Equal(1e-5, raster.GeoTransform.Gt1, 15);
        Assert.Equal(-1e-5, raster.GeoTransform.Gt5, 15);
    }
}
