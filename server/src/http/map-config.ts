// What the map client learns at run time (not at build time): the operator's own basemap, if any.
import express from 'express';
import type { BasemapConfig } from '../config';

/** The part of the basemap configuration the browser sees (never a file path). */
export function publicBasemap(basemap: BasemapConfig | null) {
  return basemap ? { styleUrl: basemap.styleUrl, pmtilesUrl: basemap.pmtilesUrl, attribution: basemap.attribution } : null;
}

/** GET /map-config.json, and the operator's PMTiles file at /basemap/<name> (byte ranges) when BASEMAP_PMTILES names one. */
export function mapConfigRouter(basemap: BasemapConfig | null) {
  const router = express.Router();
  const body = { basemap: publicBasemap(basemap) };
  router.get('/map-config.json', (_req, res) => {
    // a changed configuration must reach the map after a restart, not an hour later
    res.set('Cache-Control', 'no-cache').json(body);
  });
  if (basemap?.pmtilesFile && basemap.pmtilesUrl) {
    const file = basemap.pmtilesFile;
    router.get(basemap.pmtilesUrl, (_req, res, next) => {
      res.sendFile(file, { acceptRanges: true, maxAge: '1h', headers: { 'Content-Type': 'application/vnd.pmtiles' } }, (error) => error && next(error));
    });
  }
  return router;
}
