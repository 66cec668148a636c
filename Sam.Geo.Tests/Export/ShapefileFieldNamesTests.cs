using Sam.Geo.Export;

namespace Sam.Geo.Tests.Export;

public sealed class ShapefileFieldNamesTests
{
    [Fact]
    public void Shorten_LongAndCollidingNames_UniqueAndAtMostTen()
    {
        string[] names = Sam.Geo.Export.ShapefileFieldNames.Shorten(["id", "stability_score", "stability_class", "STABILITY_", "area_m2"]);
        Assert.Equal(["id", "stability_", "stabilit_1", "STABILIT_2", "area_m2"], names);
    }
}
