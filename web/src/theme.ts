import { createTheme } from '@mantine/core';

/**
 * theme is Mantine's default theme. Keep it so: Mantine turns a changed value into CSS
 * variables in a <style> element, which the Content-Security-Policy refuses (see Providers).
 * A change of colours, fonts or radius goes into styles/global.css as CSS variables instead,
 * with the same value here when components read it in JavaScript.
 */
export const theme = createTheme({});
