using System.Net;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Sam.Geo.Raster;
using Sam.Geo.Tests.Fixtures;

namespace Sam.Geo.Tests.Serve;

/// <summary>The HTTP service end to end: a real Kestrel server on 127.0.0.1, the box test model, HttpClient.</summary>
public sealed class SamGeoServerTests
{
    private static readonly string Raster = SampleData.Raster("rgb-utm");

    // A box well inside grid tile r0c0 of rgb-utm (2000 x 1500 px of 0.5 m, UTM 32N), in raster pixels.
    private static readonly Envelope PixelBox = new(300, 700, 300, 600);

    [Fact]
    public async Task Health_AnswersOkAndTheModelName()
    {
        await using var server = await ServerFixture.StartAsync();
        Assert.Equal("127.0.0.1", server.Address.Host);

        using var response = await server.Http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ServerFixture.JsonAsync(response);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(server.ModelName, json.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Start_PortTaken_FailsWithOneLineNamingTheAddress()
    {
        await using var first = await ServerFixture.StartAsync();

        var e = await Assert.ThrowsAsync<SamGeoInputException>(() => ServerFixture.StartAsync(first.Address.Port));

        Assert.Contains($"cannot listen on 127.0.0.1:{first.Address.Port}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Info_SampleRaster_IsWhatInfoJsonPrints()
    {
        await using var server = await ServerFixture.StartAsync();
        var cli = CliRunner.Run("info", Raster, "--json");

        using var response = await server.Http.GetAsync($"info?raster={Uri.EscapeDataString(Raster)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cli.Out.Trim(), (await response.Content.ReadAsStringAsync()).Trim());
        using var json = await ServerFixture.JsonAsync(response);
        Assert.Equal(32632, json.RootElement.GetProperty("crs").GetProperty("epsg").GetInt32());
    }

    [Fact]
    public async Task Segment_BoxInWgs84_ReturnsTheBoxThenAnswersFromTheCache()
    {
        await using var server = await ServerFixture.StartAsync();
        var request = new { raster = Raster, prompts = BoxPrompt(LonLatBox(PixelBox)), crs = "EPSG:4326" };

        using var first = await server.SegmentAsync(request);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/geo+json", first.Content.Headers.ContentType?.MediaType);
        using var json = await ServerFixture.JsonAsync(first);
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.False(root.TryGetProperty("crs", out _)); // RFC 7946: WGS 84, no crs member
        var feature = Assert.Single(root.GetProperty("features").EnumerateArray().ToList());
        var properties = feature.GetProperty("properties");
        Assert.Equal(1, properties.GetProperty("id").GetInt64());
        Assert.Equal("feature-0", properties.GetProperty("object").GetString());
        Assert.Equal(server.ModelName, properties.GetProperty("model").GetString());
        Assert.Equal("r0c0", properties.GetProperty("tile").GetString());
        Assert.Equal(0.95, properties.GetProperty("score").GetDouble(), 3);
        Assert.True(SampleData.IoU(ToRasterPixels(feature.GetProperty("geometry")), ToPolygon(PixelBox)) >= 0.98);
        Assert.Equal(1, Embeddings(root, "encoded"));

        using var second = await server.SegmentAsync(request);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var again = await ServerFixture.JsonAsync(second);
        Assert.Equal(1, Embeddings(again.RootElement, "cached"));
        Assert.Equal(0, Embeddings(again.RootElement, "encoded"));
        Assert.Equal(0, again.RootElement.GetProperty("samgeo").GetProperty("ms").GetProperty("encode").GetDouble());
    }

    [Fact]
    public async Task Segment_OutCrs_WritesCoordinatesInThatCrs()
    {
        await using var server = await ServerFixture.StartAsync();

        using var response = await server.SegmentAsync(new
        {
            raster = Raster, prompts = BoxPrompt(LonLatBox(PixelBox)), out_crs = "EPSG:32632", simplify = 0, min_area = "10px", connectivity = 8,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ServerFixture.JsonAsync(response);
        Assert.Equal("urn:ogc:def:crs:EPSG::32632", json.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        var ring = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0];
        var xs = ring.EnumerateArray().Select(p => p[0].GetDouble()).ToList();
        Assert.Equal(499500 + PixelBox.MinX / 2, xs.Min(), 1.0);
        Assert.Equal(499500 + PixelBox.MaxX / 2, xs.Max(), 1.0);
    }

    [Fact]
    public async Task Segment_ConcurrentRequestsOnOneRaster_AllSucceed()
    {
        await using var server = await ServerFixture.StartAsync();
        var request = new { raster = Raster, prompts = BoxPrompt(LonLatBox(PixelBox)) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.SegmentAsync(request)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses) r.Dispose();
    }

    [Theory]
    [InlineData("{\"raster\": ", "not JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"prompts\": {\"type\": \"FeatureCollection\", \"features\": []}}", "\"raster\" is missing")]
    [InlineData("{\"raster\": \"RASTER\"}", "\"prompts\" is missing")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": [1]}", "\"prompts\" must be a GeoJSON FeatureCollection")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"minarea\": 3}", "unknown field \"minarea\"")]
    [InlineData("{\"raster\": \"no-such.tif\", \"prompts\": POINT}", "raster not found: no-such.tif")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"crs\": \"EPSG:99999\"}", "unknown CRS 'EPSG:99999'")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"out_crs\": \"nonsense\"}", "unknown CRS 'nonsense'")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"min_area\": \"big\"}", "\"min_area\" 'big' is not an area")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"simplify\": -1}", "\"simplify\" must be")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": POINT, \"connectivity\": 6}", "\"connectivity\" must be 4 or 8, not 6")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": OUTSIDE}", "lies outside the raster rgb-utm.tif (set \"skip_outside\": true")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": {\"type\": \"FeatureCollection\", \"features\": []}}", "prompt file has no features: \"prompts\"")]
    [InlineData("{\"raster\": \"RASTER\", \"prompts\": LABEL7}", "\"prompts\", feature 0: label must be 1 (foreground) or 0 (background), not '7'")]
    public async Task Segment_MistakeInTheRequest_Answers400WithOneLineNamingIt(string body, string expected)
    {
        await using var server = await ServerFixture.StartAsync();
        string point = Point(9.0, 45.0025, label: 1), outside = Point(10.0, 45.0025, label: 1), label7 = Point(9.0, 45.0025, label: 7);
        body = body.Replace("RASTER", JsonEncodedText.Encode(Raster).ToString())
            .Replace("LABEL7", label7).Replace("OUTSIDE", outside).Replace("POINT", point);

        using var response = await server.SegmentAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string error = await ErrorOf(response);
        Assert.Contains(expected, error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain(Path.GetTempPath(), error); // never the scratch file the prompts went through
    }

    [Fact]
    public async Task Info_FloatRasterWithNaNNodata_GivesNodataAsNaN()
    {
        using var dir = new TempDir();
        string path = dir.File("nan.tif");
        using (var crs = SpatialReference.FromEpsg(32632))
        using (var r = GeoRaster.Create(path, 64, 64, 1, RasterDataType.Float32, new GeoTransform(500000, 0.5, 0, 4982950, 0, -0.5), crs))
            r.SetNoData(1, double.NaN);
        await using var server = await ServerFixture.StartAsync();

        using var response = await server.Http.GetAsync($"info?raster={Uri.EscapeDataString(path)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await ServerFixture.JsonAsync(response);
        Assert.Equal("NaN", json.RootElement.GetProperty("bands")[0].GetProperty("nodata").GetString());
    }

    [Fact]
    public async Task Info_MissingRaster_Answers400()
    {
        await using var server = await ServerFixture.StartAsync();

        using var noParameter = await server.Http.GetAsync("info");
        using var missing = await server.Http.GetAsync("info?raster=no-such.tif");

        Assert.Equal(HttpStatusCode.BadRequest, noParameter.StatusCode);
        Assert.Contains("GET /info?raster=PATH", await ErrorOf(noParameter));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("raster not found: no-such.tif", await ErrorOf(missing));
    }

    [Fact]
    public async Task UnknownRoute_Answers404_KnownRouteWithAnotherMethod405()
    {
        await using var server = await ServerFixture.StartAsync();

        using var unknown = await server.Http.GetAsync("tiles/1/2/3");
        using var wrongMethod = await server.Http.GetAsync("segment");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no endpoint GET /tiles/1/2/3", await ErrorOf(unknown));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(["POST"], wrongMethod.Content.Headers.Allow);
        Assert.Contains("use POST /segment", await ErrorOf(wrongMethod));
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = await ServerFixture.JsonAsync(response);
        return json.RootElement.GetProperty("error").GetString()!;
    }

    private static int Embeddings(JsonElement collection, string kind) =>
        collection.GetProperty("samgeo").GetProperty("embeddings").GetProperty(kind).GetInt32();

    private static string Point(double lon, double lat, int label) => JsonSerializer.Serialize(new
    {
        type = "FeatureCollection",
        features = new[] { new { type = "Feature", properties = new { label }, geometry = new { type = "Point", coordinates = new[] { lon, lat } } } },
    });

    private static object BoxPrompt(Envelope lonLat) => new
    {
        type = "FeatureCollection",
        features = new[]
        {
            new
            {
                type = "Feature",
                properties = new { },
                geometry = new
                {
                    type = "Polygon",
                    coordinates = new[] { ToPolygon(lonLat).Coordinates.Select(c => new[] { c.X, c.Y }).ToArray() },
                },
            },
        },
    };

    /// <summary>The lon/lat envelope of a raster pixel box's corners.</summary>
    private static Envelope LonLatBox(Envelope pixels)
    {
        using var raster = GeoRaster.Open(Raster);
        using var wgs84 = SpatialReference.Wgs84();
        using var toLonLat = new CoordinateTransform(raster.Crs!, wgs84);
        var lonLat = new Envelope();
        foreach (var (col, row) in new[] { (pixels.MinX, pixels.MinY), (pixels.MaxX, pixels.MinY), (pixels.MaxX, pixels.MaxY), (pixels.MinX, pixels.MaxY) })
        {
            var (x, y) = raster.GeoTransform.PixelToMap(col, row);
            var (lon, lat) = toLonLat.Transform(x, y);
            lonLat.ExpandToInclude(lon, lat);
        }
        return lonLat;
    }

    /// <summary>A GeoJSON lon/lat polygon (exterior ring) in the sample raster's pixels.</summary>
    private static Polygon ToRasterPixels(JsonElement geometry)
    {
        Assert.Equal("Polygon", geometry.GetProperty("type").GetString());
        using var raster = GeoRaster.Open(Raster);
        using var wgs84 = SpatialReference.Wgs84();
        using var toRaster = new CoordinateTransform(wgs84, raster.Crs!);
        var ring = geometry.GetProperty("coordinates")[0].EnumerateArray().Select(p =>
        {
            var (x, y) = toRaster.Transform(p[0].GetDouble(), p[1].GetDouble());
            var (col, row) = raster.GeoTransform.MapToPixel(x, y);
            return new Coordinate(col, row);
        }).ToArray();
        return GeometryFactory.Default.CreatePolygon(ring);
    }

    private static Polygon ToPolygon(Envelope e) => (Polygon)GeometryFactory.Default.ToGeometry(e);
}
