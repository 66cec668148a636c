using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Simplify;

namespace Sam.Geo.Vectorization;

/// <summary>
/// Cleans the polygons of one object (one mask, one label) in pixel coordinates: fills small holes, drops small
/// parts, optionally keeps only the largest part, simplifies while preserving topology, and guarantees valid
/// output. The steps run in that order so that area thresholds see the pixel-exact shapes.
/// </summary>
public static class PolygonCleaner
{
    /// <summary>Cleans the parts of one object. Returns valid polygons; possibly none.</summary>
    /// <param name="parts">Polygons in pixel coordinates, e.g. from <see cref="MaskVectorizer.Vectorize"/>.</param>
    /// <param name="options">What to do; see <see cref="PolygonCleanupOptions"/>.</param>
    public static IReadOnlyList<Polygon> Clean(IEnumerable<Polygon> parts, PolygonCleanupOptions options)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(options);
        var kept = new List<Polygon>();
        foreach (Polygon part in parts)
        {
            if (part.IsEmpty)
                continue;
            Polygon filled = FillSmallHoles(part, options.MaxHoleAreaInPixels);
            if (filled.Area >= options.MinPartAreaInPixels)
                kept.Add(filled);
        }

        if (options.KeepLargestPartOnly && kept.Count > 1)
        {
            Polygon largest = kept[0];
            foreach (Polygon p in kept)
                largest = p.Area > largest.Area ? p : largest;
            kept = [largest];
        }

        if (kept.Count == 0)
            return kept;
        GeometryFactory factory = kept[0].Factory;
        Geometry result = options.SimplifyToleranceInPixels > 0
            // Simplify all parts together so that simplified parts cannot cross each other either.
            ? TopologyPreservingSimplifier.Simplify(factory.CreateMultiPolygon(kept.ToArray()), options.SimplifyToleranceInPixels)
            : factory.CreateMultiPolygon(kept.ToArray());
        if (!result.IsValid)
            result = GeometryFixer.Fix(result);
        return PolygonExtracter.GetPolygons(result).Cast<Polygon>().Where(p => !p.IsEmpty).ToList();
    }

    /// <summary>
    /// Cleans a polygonal geometry (a <see cref="Polygon"/> or <see cref="MultiPolygon"/>, e.g. a region from
    /// <see cref="MaskVectorizer.VectorizeRegions"/>). Returns a Polygon, a MultiPolygon, or an empty Polygon.
    /// </summary>
    /// <param name="polygonal">Geometry in pixel coordinates; non-polygonal components are ignored.</param>
    /// <param name="options">What to do; see <see cref="PolygonCleanupOptions"/>.</param>
    public static Geometry Clean(Geometry polygonal, PolygonCleanupOptions options)
    {
        ArgumentNullException.ThrowIfNull(polygonal);
        IReadOnlyList<Polygon> parts = Clean(PolygonExtracter.GetPolygons(polygonal).Cast<Polygon>(), options);
        return parts.Count switch
        {
            0 => polygonal.Factory.CreatePolygon(),
            1 => parts[0],
            _ => polygonal.Factory.CreateMultiPolygon(parts.ToArray()),
        };
    }

    private static Polygon FillSmallHoles(Polygon polygon, double maxHoleArea)
    {
        if (maxHoleArea <= 0 || polygon.NumInteriorRings == 0)
            return polygon;
        var holes = polygon.Holes.Where(h => Area.OfRing(h.CoordinateSequence) >= maxHoleArea).ToArray();
        return holes.Length == polygon.NumInteriorRings ? polygon : polygon.Factory.CreatePolygon(polygon.Shell, holes);
    }
}
