namespace Sam.Geo.Vectorization;

/// <summary>Which neighbours make two pixels of the same value one region (GDAL's <c>8CONNECTED</c> option).</summary>
public enum PixelConnectivity
{
    /// <summary>Pixels sharing an edge are connected; pixels touching only at a corner are not (GDAL's default).</summary>
    Four = 4,

    /// <summary>Pixels sharing an edge or a corner are connected (GDAL's <c>8CONNECTED=8</c>).</summary>
    Eight = 8,
}
