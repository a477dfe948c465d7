import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    borderRadius: 6,
    // System fonts with full Vietnamese coverage first; some Latin-only web fonts mis-stack diacritics.
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { siderBg: '#0b2545', headerHeight: 60 },
    Menu: { darkItemBg: '#0b2545', darkSubMenuItemBg: '#081c36', darkItemSelectedBg: '#0b5cad' },
  },
};
