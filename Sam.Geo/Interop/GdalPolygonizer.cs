using System.Buffers;
using NetTopologySuite.Geometries;
using Sam.Geo.Raster;
using Sam.Geo.Vectorization;

namespace Sam.Geo.Interop;

/// <summary>
/// Runs GDAL's own <c>GDALPolygonize</c> on a binary mask, as the reference that <see cref="MaskVectorizer"/> is
/// tested and benchmarked against. The mask goes into a MEM raster (nonzero written as 1, so values do not split
/// regions), which also serves as its own mask band so only foreground pixels become features; the features land
/// in an in-memory OGR layer and come back as NTS polygons through ISO WKB. Coordinates are pixel coordinates
/// with the corner origin and y growing downward (GDAL's identity geotransform), as from
/// <see cref="MaskVectorizer"/>. GDAL's polygons are returned as written, including its rings pinched at a corner
/// with 8-connectivity, which are not valid polygons.
/// </summary>
internal static class GdalPolygonizer
{
    /// <summary>One polygon per connected foreground region, in GDAL's output order.</summary>
    /// <param name="mask">Row-major pixels; nonzero is inside.</param>
    /// <param name="width">Columns in the mask.</param>
    /// <param name="height">Rows in the mask.</param>
    /// <param name="connectivity">Four (GDAL's default) or Eight (<c>8CONNECTED=8</c>).</param>
    public static IReadOnlyList<Polygon> Polygonize(
        ReadOnlySpan<byte> mask, int width, int height, PixelConnectivity connectivity = PixelConnectivity.Four)
    {
        MaskArguments.Validate(mask.Length, width, height);
        MaskArguments.Validate(connectivity);
        if (width == 0 || height == 0)
            return [];

        GdalNative.Initialize();
        using GeoRaster raster = GeoRaster.CreateInMemory(width, height, 1, RasterDataType.Byte);
        WriteBinary(raster, mask);
        using DatasetHandle vectors = CreateMemoryVectorDataset();
        nint layer = CreatePolygonLayer(vectors);

        using var options = new CStringList(connectivity == PixelConnectivity.Eight ? ["8CONNECTED=8"] : null);
        nint band = raster.BandPointer(1);
        GdalError.Reset();
        GdalError.Check(GdalNative.GDALPolygonize(band, band, layer, 0, options.Pointer, 0, 0), "GDALPolygonize");
        return new OgrLayerReader(layer).Features().Select(f => (Polygon)f.Geometry!).ToList();
    }

    private static void WriteBinary(GeoRaster raster, ReadOnlySpan<byte> mask)
    {
        byte[] binary = ArrayPool<byte>.Shared.Rent(mask.Length);
        try
        {
            for (int i = 0; i < mask.Length; i++)
                binary[i] = mask[i] != 0 ? (byte)1 : (byte)0;
            raster.Write<byte>(1, raster.FullWindow, binary.AsSpan(0, mask.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(binary);
        }
    }

    private static DatasetHandle CreateMemoryVectorDataset()
    {
        nint driver = GdalError.CheckHandle(GdalNative.GDALGetDriverByName("Memory"), "GDAL driver Memory");
        GdalError.Reset();
        // GDT_Unknown (0) and no size: a vector-only dataset.
        return new DatasetHandle(GdalError.CheckHandle(GdalNative.GDALCreate(driver, "", 0, 0, 0, 0, 0), "creating an in-memory OGR dataset"));
    }

    private static nint CreatePolygonLayer(DatasetHandle vectors)
    {
        GdalError.Reset();
        nint layer = GdalError.CheckHandle(
            GdalNative.GDALDatasetCreateLayer(vectors.DangerousGetHandle(), "polygons", 0, GdalNative.wkbPolygon, 0),
            "creating the polygon layer");
        nint field = GdalNative.OGR_Fld_Create("DN", GdalNative.OFTInteger);
        try
        {
            if (GdalNative.OGR_L_CreateField(layer, field, 1) != GdalNative.OGRERR_NONE)
                throw GdalError.Last("creating the DN field");
        }
        finally
        {
            GdalNative.OGR_Fld_Destroy(field);
        }

        return layer;
    }
}
