export default definePageConfig({ navigationBarTitleText: '本村监督情况' })
