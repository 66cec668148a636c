using System.Globalization;
using NetTopologySuite.Geometries;
using Sam.Geo.Export;
using Sam.Geo.Raster;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Areas in square metres of geometries in a raster's CRS: planar area times the unit's size for a projected
/// CRS; for a geographic CRS, the area in a Lambert azimuthal equal-area projection centred on the geometry.
/// </summary>
public sealed class AreaCalculator : IDisposable
{
    private readonly SpatialReference _crs;
    private readonly double _squareMetresPerUnit;

    /// <summary>A calculator for geometries in <paramref name="crs"/> (cloned).</summary>
    public AreaCalculator(SpatialReference crs)
    {
        _crs = crs.Clone();
        _squareMetresPerUnit = crs.IsGeographic ? double.NaN : crs.MetresPerUnit * crs.MetresPerUnit;
    }

    /// <summary>The geometry's area in m².</summary>
    public double SquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty) return 0;
        if (!double.IsNaN(_squareMetresPerUnit)) return geometry.Area * _squareMetresPerUnit;
        var c = geometry.EnvelopeInternal.Centre;
        using var laea = SpatialReference.Parse(string.Create(CultureInfo.InvariantCulture,
            $"+proj=laea +lat_0={c.Y} +lon_0={c.X} +datum=WGS84 +units=m +no_defs"));
        return GeometryReprojector.Reproject(geometry, _crs, laea).Area;
    }

    /// <summary>The area in m² of one pixel of a grid with transform <paramref name="gt"/>, at pixel (col,row).</summary>
    public double PixelSquareMetres(GeoTransform gt, double col, double row)
    {
        var f = GeometryFactory.Default;
        var corners = new[] { (0, 0), (1, 0), (1, 1), (0, 1), (0, 0) }
            .Select(d => gt.PixelToMap(col + d.Item1, row + d.Item2))
            .Select(p => new Coordinate(p.X, p.Y)).ToArray();
        return SquareMetres(f.CreatePolygon(corners));
    }

    /// <inheritdoc />
    public void Dispose() => _crs.Dispose();
}
