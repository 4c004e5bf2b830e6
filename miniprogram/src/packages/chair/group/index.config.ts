export default definePageConfig({ navigationBarTitleText: '本村监督群', enableShareAppMessage: true })
