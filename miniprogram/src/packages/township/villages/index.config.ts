export default definePageConfig({ navigationBarTitleText: '各村监督群覆盖情况' })
