using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Sam.Geo.Export;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Pipeline;

/// <summary>
/// Writes features as a mask GeoTIFF on a raster's grid (same size, geotransform and CRS), burning each
/// polygon by the pixel-centre rule, strip by strip so memory stays at one strip. One feature burns 255;
/// several burn their 1-based order (Byte up to 255 features, else UInt32). Atomic like every output.
/// </summary>
public static class MaskOutput
{
    /// <summary>Burns <paramref name="features"/> (geometries in the grid's CRS) into <paramref name="path"/>.</summary>
    public static void Write(string path, GeoRaster grid, IReadOnlyList<IFeature> features, bool overwrite)
    {
        var type = features.Count <= 255 ? RasterDataType.Byte : RasterDataType.UInt32;
        using var writer = MaskRasterWriter.Create(path, grid, type, overwrite);
        var inverse = grid.GeoTransform.Invert();
        var pixelGeometries = features.Select(f => PixelToMap.Transform(f.Geometry, inverse)).ToArray();
        var envelopes = pixelGeometries.Select(g => g.EnvelopeInternal).ToArray();
        int width = grid.Width, strip = MaskRasterWriter.BlockSize;
        var bytes = type == RasterDataType.Byte ? new byte[width * strip] : null;
        var ids = type == RasterDataType.UInt32 ? new uint[width * strip] : null;
        for (int row0 = 0; row0 < grid.Height; row0 += strip)
        {
            int rows = Math.Min(strip, grid.Height - row0);
            if (bytes is not null) Array.Clear(bytes); else Array.Clear(ids!);
            for (int i = 0; i < pixelGeometries.Length; i++)
            {
                if (envelopes[i].MaxY < row0 || envelopes[i].MinY > row0 + rows) continue;
                uint value = features.Count == 1 ? 255u : (uint)(i + 1);
                PolygonRasterizer.Fill(pixelGeometries[i], width, row0, row0 + rows, (row, c0, c1) =>
                {
                    int o = (row - row0) * width;
                    if (bytes is not null) bytes.AsSpan(o + c0, c1 - c0 + 1).Fill((byte)value);
                    else ids.AsSpan(o + c0, c1 - c0 + 1).Fill(value);
                });
            }
            var window = new PixelWindow(0, row0, width, rows);
            if (bytes is not null) writer.Write<byte>(window, bytes.AsSpan(0, width * rows));
            else writer.Write<uint>(window, ids.AsSpan(0, width * rows));
        }
        writer.Commit();
    }
}
