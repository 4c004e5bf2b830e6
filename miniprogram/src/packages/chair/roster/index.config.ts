export default definePageConfig({ navigationBarTitleText: '花名册和入群情况' })
