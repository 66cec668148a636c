using System.Text.Json;
using NetTopologySuite.Features;
using Sam.Geo.Export;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;
using static Sam.Geo.Tests.Export.ExportTestData;

namespace Sam.Geo.Tests.Export;

public sealed class GeoJsonFeatureSinkTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private JsonDocument Write(FeatureSinkOptions? options = null, params IFeature[] features)
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using (var sink = FeatureSinks.Create(_dir.File("out.geojson"), Schema(), utm, options))
        {
            foreach (var f in features.Length == 0 ? Features() : features) sink.Write(f);
            sink.Commit();
        }
        return JsonDocument.Parse(File.ReadAllBytes(_dir.File("out.geojson")));
    }

    /// <summary>Shoelace sum: positive for a counter-clockwise ring.</summary>
    private static double SignedArea(JsonElement ring)
    {
        var p = ring.EnumerateArray().Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble())).ToArray();
        double s = 0;
        for (int i = 0; i + 1 < p.Length; i++) s += p[i].X * p[i + 1].Y - p[i + 1].X * p[i].Y;
        return s / 2;
    }

    private static JsonElement Geometry(JsonDocument doc, int feature) => doc.RootElement.GetProperty("features")[feature].GetProperty("geometry");

    [Fact]
    public void Write_ClockwiseShellAndCounterClockwiseHole_RightHandRule()
    {
        using var doc = Write();
        var rings = Geometry(doc, 0).GetProperty("coordinates");
        Assert.Equal(2, rings.GetArrayLength());
        Assert.True(SignedArea(rings[0]) > 0, "exterior ring must be counter-clockwise");
        Assert.True(SignedArea(rings[1]) < 0, "hole must be clockwise");
        foreach (var part in Geometry(doc, 1).GetProperty("coordinates").EnumerateArray())
            Assert.True(SignedArea(part[0]) > 0);
    }

    [Fact]
    public void Write_Default_Wgs84LonLatWithKnownPointAndNoCrsMember()
    {
        using var doc = Write();
        Assert.False(doc.RootElement.TryGetProperty("crs", out _));
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("out", doc.RootElement.GetProperty("name").GetString());
        var shell = Geometry(doc, 0).GetProperty("coordinates")[0].EnumerateArray()
            .Select(c => (Lon: c[0].GetDouble(), Lat: c[1].GetDouble())).ToArray();
        Assert.Contains(shell, c => Math.Abs(c.Lon - KnownLon) < 1e-7 && Math.Abs(c.Lat - KnownLat) < 1e-7);
    }

    [Fact]
    public void Write_Default_CoordinatesRoundedToSevenDecimals()
    {
        using var doc = Write();
        foreach (var c in Geometry(doc, 0).GetProperty("coordinates")[0].EnumerateArray())
            foreach (var v in c.EnumerateArray())
            {
                string raw = v.GetRawText();
                int dot = raw.IndexOf('.');
                Assert.True(dot < 0 || raw.Length - dot - 1 <= 7, raw);
            }
    }

    [Fact]
    public void Write_TargetUtm_CoordinatesInUtmWithCrsMember()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var doc = Write(new FeatureSinkOptions { TargetCrs = utm });
        Assert.Equal("urn:ogc:def:crs:EPSG::32632",
            doc.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        var first = Geometry(doc, 0).GetProperty("coordinates")[0][0];
        Assert.Equal(KnownEasting, first[0].GetDouble());
        Assert.Equal(KnownNorthing, first[1].GetDouble());
        Assert.Equal(32632, ReadBack(_dir.File("out.geojson")).Epsg);
    }

    [Fact]
    public void Write_TargetCrsWithoutEpsg_RefusedNamingTheOutput()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var custom = SpatialReference.Parse("+proj=laea +lat_0=45 +lon_0=9 +datum=WGS84 +units=m");
        var e = Assert.Throws<SamGeoInputException>(() => FeatureSinks.Create(_dir.File("x.geojson"), Schema(), utm, new FeatureSinkOptions { TargetCrs = custom }));
        Assert.Contains("x.geojson", e.Message);
        Assert.Empty(FilesIn(_dir.Path));
    }

    [Fact]
    public void Write_Properties_AllSchemaFieldsWithNullsAndTypes()
    {
        using var doc = Write();
        var p0 = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
        var p1 = doc.RootElement.GetProperty("features")[1].GetProperty("properties");
        Assert.Equal(["id", "score", "name", "stability_score"], p0.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, p0.GetProperty("id").GetInt64());
        Assert.Equal("Forêt ✓", p0.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, p1.GetProperty("stability_score").ValueKind);
        Assert.Contains("\"Forêt ✓\"", File.ReadAllText(_dir.File("out.geojson"))); // raw UTF-8, not \u escapes
    }

    [Fact]
    public void Write_NullGeometryAndNaN_WrittenAsJsonNull()
    {
        var f = new Feature(null, new AttributesTable { { "score", double.NaN } });
        using var doc = Write(null, f);
        var feature = doc.RootElement.GetProperty("features")[0];
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("geometry").ValueKind);
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("properties").GetProperty("score").ValueKind);
    }

    [Fact]
    public void Write_ManyFeatures_StreamsToDiskBeforeCommit()
    {
        using var utm = SpatialReference.FromEpsg(32632);
        using var sink = FeatureSinks.Create(_dir.File("big.geojson"), Schema(), utm);
        var feature = Features()[0];
        for (int i = 0; i < 2000; i++) sink.Write(feature);
        string temp = Directory.GetFiles(_dir.Path).Single();
        Assert.True(new FileInfo(temp).Length > 100_000, "features must reach the file as they are written");
        sink.Commit();
        Assert.Equal(2000, ReadBack(_dir.File("big.geojson")).Features.Count);
    }
}
