export const zhCN = {
  verify: {
    title: '证照核验',
  },
};
