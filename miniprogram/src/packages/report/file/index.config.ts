export default definePageConfig({ navigationBarTitleText: '向镇纪委举报' })
