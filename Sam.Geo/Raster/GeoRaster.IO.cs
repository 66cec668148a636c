using System.Buffers;
using Sam.Geo.Interop;

namespace Sam.Geo.Raster;

public sealed partial class GeoRaster
{
    /// <summary>
    /// Reads one band's <paramref name="window"/> into <paramref name="buffer"/> (row-major,
    /// <paramref name="bufferWidth"/>×<paramref name="bufferHeight"/>), resampled with
    /// <paramref name="resampling"/> when the sizes differ; GDAL uses overviews for downscaled reads.
    /// </summary>
    public unsafe void Read<T>(int band, PixelWindow window, Span<T> buffer, int bufferWidth, int bufferHeight,
        Resampling resampling = Resampling.Nearest) where T : unmanaged
    {
        RequireBand(band);
        CheckIo(window, buffer.Length, bufferWidth, bufferHeight, 1);
        var extra = GdalNative.RasterIOExtraArg.Create((int)resampling);
        fixed (T* p = buffer)
        {
            GdalError.Reset();
            GdalError.Check(GdalNative.GDALRasterIOEx(BandPointer(band), GdalNative.GF_Read, window.Col, window.Row, window.Width, window.Height,
                p, bufferWidth, bufferHeight, (int)RasterDataTypes.Of<T>(), 0, 0, &extra), $"reading band {band} of {Path}");
        }
    }

    /// <summary>Reads one band's window at full resolution.</summary>
    public void Read<T>(int band, PixelWindow window, Span<T> buffer) where T : unmanaged =>
        Read(band, window, buffer, window.Width, window.Height);

    /// <summary>Writes one band's window (row-major, window-sized).</summary>
    public unsafe void Write<T>(int band, PixelWindow window, ReadOnlySpan<T> data) where T : unmanaged
    {
        RequireBand(band);
        CheckIo(window, data.Length, window.Width, window.Height, 1);
        var extra = GdalNative.RasterIOExtraArg.Create(0);
        fixed (T* p = data)
        {
            GdalError.Reset();
            GdalError.Check(GdalNative.GDALRasterIOEx(BandPointer(band), GdalNative.GF_Write, window.Col, window.Row, window.Width, window.Height,
                p, window.Width, window.Height, (int)RasterDataTypes.Of<T>(), 0, 0, &extra), $"writing band {band} of {Path}");
        }
    }

    /// <summary>
    /// Reads the valid-data mask of <paramref name="window"/> for the given bands into <paramref name="mask"/>:
    /// 1 where every band is valid, 0 where any is nodata, transparent (alpha) or masked. Uses GDAL's mask
    /// bands, so nodata values, alpha bands and .msk/internal masks all count. Nearest resampling.
    /// Returns false (and fills 1) when all pixels are valid by definition.
    /// </summary>
    public bool ReadValidMask(ReadOnlySpan<int> bands, PixelWindow window, Span<byte> mask, int bufferWidth, int bufferHeight)
    {
        int n = bufferWidth * bufferHeight;
        var target = mask[..n];
        target.Fill(1);
        bool any = false;
        byte[]? scratch = null;
        var seen = new HashSet<nint>();
        try
        {
            foreach (int band in bands)
            {
                RequireBand(band);
                if (!Bands[band - 1].HasValidityMask) continue;
                nint m = GdalNative.GDALGetMaskBand(BandPointer(band));
                if (!seen.Add(m)) continue;
                scratch ??= ArrayPool<byte>.Shared.Rent(n); // a tile-sized buffer per read would pile up on the large object heap
                ReadMaskBand(m, window, scratch.AsSpan(0, n), bufferWidth, bufferHeight);
                for (int i = 0; i < n; i++) if (scratch[i] == 0) target[i] = 0;
                any = true;
            }
        }
        finally
        {
            if (scratch is not null) ArrayPool<byte>.Shared.Return(scratch);
        }
        return any;
    }

    private unsafe void ReadMaskBand(nint maskBand, PixelWindow window, Span<byte> buffer, int w, int h)
    {
        var extra = GdalNative.RasterIOExtraArg.Create((int)Resampling.Nearest);
        fixed (byte* p = buffer)
        {
            GdalError.Reset();
            GdalError.Check(GdalNative.GDALRasterIOEx(maskBand, GdalNative.GF_Read, window.Col, window.Row, window.Width, window.Height,
                p, w, h, (int)RasterDataType.Byte, 0, 0, &extra), $"reading the validity mask of {Path}");
        }
    }

    private void CheckIo(PixelWindow window, int bufferLength, int w, int h, int bands)
    {
        if (window.IsEmpty || window.Col < 0 || window.Row < 0 || window.ColEnd > Width || window.RowEnd > Height)
            throw new ArgumentOutOfRangeException(nameof(window), $"window {window} is outside the raster ({Width}x{Height}) {Path}");
        if (w <= 0 || h <= 0 || (long)w * h * bands > bufferLength)
            throw new ArgumentException($"buffer of {bufferLength} elements is too small for {w}x{h}x{bands}.");
    }
}
