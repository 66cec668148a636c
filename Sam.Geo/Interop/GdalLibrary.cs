using System.Reflection;
using System.Runtime.InteropServices;

namespace Sam.Geo.Interop;

/// <summary>
/// Finds the system GDAL library for the <c>"gdal"</c> imports of this assembly and initialises GDAL once
/// (drivers registered, errors kept quiet on stderr and reported through <see cref="GdalError"/>).
/// </summary>
internal static class GdalLibrary
{
    internal const string Name = "gdal";

    private static readonly object Gate = new();
    private static bool _resolverSet;
    private static nint _handle;

    /// <summary>The loaded library (valid once any import has been called).</summary>
    internal static nint LoadedHandle => _handle;

    /// <summary>Registers the resolver for the assembly's imports; safe to call more than once.</summary>
    internal static void EnsureResolver()
    {
        lock (Gate)
        {
            if (_resolverSet) return;
            NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);
            _resolverSet = true;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return 0;
        lock (Gate)
        {
            if (_handle != 0) return _handle;
            foreach (var candidate in Candidates())
            {
                if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var h))
                    return _handle = h;
            }
        }
        throw new GdalNotFoundException(InstallHint());
    }

    /// <summary>Library names to try, newest ABI first; SAMGEO_GDAL_LIBRARY, when set, is the only one tried.</summary>
    internal static IEnumerable<string> Candidates()
    {
        var explicitPath = Environment.GetEnvironmentVariable("SAMGEO_GDAL_LIBRARY");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            yield return explicitPath;
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return "gdal.dll";
            for (int v = 312; v >= 304; v--) yield return $"gdal{v}.dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "libgdal.dylib";
            for (int v = 40; v >= 30; v--) yield return $"libgdal.{v}.dylib";
            yield return "/opt/homebrew/lib/libgdal.dylib";
            yield return "/usr/local/lib/libgdal.dylib";
        }
        else
        {
            for (int v = 40; v >= 30; v--) yield return $"libgdal.so.{v}";
            yield return "libgdal.so";
        }
    }

    internal static string InstallHint()
    {
        string how = OperatingSystem.IsWindows() ? "install GDAL (e.g. OSGeo4W or conda: conda install -c conda-forge gdal) and put gdal*.dll on PATH"
            : OperatingSystem.IsMacOS() ? "install it with: brew install gdal"
            : File.Exists("/etc/debian_version") ? "install it with: sudo apt-get install -y libgdal32 (Debian 12) or libgdal34 (Ubuntu 24.04)"
            : "install the GDAL runtime package of your distribution (e.g. dnf install gdal-libs)";
        return $"GDAL (>= 3.4) was not found: {how}; or set SAMGEO_GDAL_LIBRARY to the library's path.";
    }
}

/// <summary>The GDAL shared library could not be loaded; the message says how to install it.</summary>
public sealed class GdalNotFoundException(string message) : DllNotFoundException(message);
