using NetTopologySuite.Geometries;

namespace Sam.Geo.Vectorization;

/// <summary>Turns labelled components into one polygonal geometry per region at the requested connectivity.</summary>
internal static class RegionAssembler
{
    /// <summary>
    /// Traces <paramref name="components"/> (4-connected) and, for 8-connectivity, gathers the parts whose pixels of
    /// the same class touch diagonally into one <see cref="MultiPolygon"/>. Returns, per region, its geometry and
    /// the first component id in it (to look up the region's pixel value).
    /// </summary>
    public static (Geometry Geometry, int FirstComponent)[] Assemble<T, TClasses>(
        ReadOnlySpan<T> pixels, ComponentLabels components, TClasses classes, PixelConnectivity connectivity,
        GeometryFactory factory)
        where TClasses : struct, IPixelClasses<T>
    {
        Polygon[] polygons = BoundaryTracer.Trace(components, factory);
        if (connectivity == PixelConnectivity.Four)
        {
            var single = new (Geometry, int)[polygons.Length];
            for (int k = 0; k < polygons.Length; k++)
                single[k] = (polygons[k], k + 1);
            return single;
        }

        int[] groupOf = ComponentLabeller.GroupDiagonalTouches(pixels, components, classes, out int groupCount);
        var parts = new List<Polygon>?[groupCount + 1];
        var first = new int[groupCount + 1];
        for (int id = 1; id <= components.Count; id++)
        {
            int g = groupOf[id];
            if (parts[g] is null)
            {
                parts[g] = [];
                first[g] = id;
            }

            parts[g]!.Add(polygons[id - 1]);
        }

        var regions = new (Geometry, int)[groupCount];
        for (int g = 1; g <= groupCount; g++)
        {
            List<Polygon> list = parts[g]!;
            Geometry geometry = list.Count == 1 ? list[0] : factory.CreateMultiPolygon(list.ToArray());
            regions[g - 1] = (geometry, first[g]);
        }

        return regions;
    }
}
