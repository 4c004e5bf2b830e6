export default definePageConfig({ navigationBarTitleText: '镇特色清单' })
