using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

/// <summary>The one place that turns GDAL's CPLErr codes and NULL returns into exceptions.</summary>
internal static class GdalError
{
    internal const int CE_None = 0;
    internal const int CE_Warning = 2;

    /// <summary>Throws when <paramref name="cplErr"/> is a failure (CE_Failure or CE_Fatal).</summary>
    internal static void Check(int cplErr, string what)
    {
        if (cplErr is CE_None or CE_Warning) return;
        throw Last(what);
    }

    /// <summary>Throws when a handle-returning call gave NULL.</summary>
    internal static nint CheckHandle(nint handle, string what) => handle != 0 ? handle : throw Last(what);

    /// <summary>An exception carrying GDAL's last error message for this thread, prefixed by what failed.</summary>
    internal static GdalException Last(string what)
    {
        string? msg = Marshal.PtrToStringUTF8(GdalNative.CPLGetLastErrorMsg());
        int no = GdalNative.CPLGetLastErrorNo();
        GdalNative.CPLErrorReset();
        return new GdalException(string.IsNullOrWhiteSpace(msg) ? what : $"{what}: {msg.Trim()}", no);
    }

    /// <summary>
    /// Closes a dataset (flushing pending writes) and throws when GDAL reported a failure while closing.
    /// GDALClose returns void before GDAL 3.7, so the thread's last error type is the signal.
    /// </summary>
    internal static void CloseChecked(DatasetHandle dataset, string what)
    {
        if (dataset.IsClosed) return;
        Reset();
        dataset.Dispose();
        if (GdalNative.CPLGetLastErrorType() >= GdalNative.CE_Failure) throw Last($"closing {what}");
    }

    /// <summary>Clears the thread's last error before a call whose failure we inspect.</summary>
    internal static void Reset() => GdalNative.CPLErrorReset();
}

/// <summary>A GDAL/OGR/OSR call failed; <see cref="ErrorNumber"/> is GDAL's CPLErrorNum.</summary>
public sealed class GdalException(string message, int errorNumber = 0) : Exception(message)
{
    /// <summary>GDAL's error number (CPLE_*), 0 when unknown.</summary>
    public int ErrorNumber { get; } = errorNumber;
}
