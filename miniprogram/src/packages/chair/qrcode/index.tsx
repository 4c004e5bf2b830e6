import { View, Text, Image } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { PageShell } from '../../../components/PageShell'
import { usePageQuery } from '../../../services/queries/hooks'
import { memberQueries } from '../../../services/queries/member'
import { ApiError, call } from '../../../services/api'
import './index.css'

interface Code {
  /** what to show: a data: URL */
  image: string
  /** the address the code opens (H5 only; a mini-program code has none to show) */
  url: string | null
  /** H5: the size in px that keeps the drawn modules crisp */
  size: number | null
}

/** The village page's address in this H5 app (hash router), e.g. https://…/#/packages/disclosure/public/index?villageId=… */
function pageUrl(page: string, villageId: string): string {
  return `${location.origin}${location.pathname}#/${page}?villageId=${encodeURIComponent(villageId)}`
}

/**
 * A QR code of `text` as a GIF data: URL and the size to show it at (at least
 * 240px): drawn at twice that size so modules stay crisp on any screen.
 */
function qrImage(text: string): { image: string; size: number } {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const margin = 4
  const cells = qr.getModuleCount() + margin * 2
  let cell = Math.floor(260 / cells)
  if (cell * cells < 240) cell += 1
  return { image: qr.createDataURL(cell * 2, cell * 2 * margin), size: cell * cells }
}

async function loadCode(): Promise<Code> {
  const code = await call('disclosure', 'villageCode', {})
  // WeChat makes a mini-program code; elsewhere the app draws a QR code of the page's address.
  if (code.image) return { image: code.image, url: null, size: null }
  if (process.env.TARO_ENV !== 'h5') throw new ApiError('INTERNAL', '暂时没能生成本村的小程序码，请稍后再试')
  const url = pageUrl(code.page, code.villageId)
  return { ...qrImage(url), url }
}

/**
 * The chair prints this code on the village notice board: villagers and family
 * members working away scan it to read the village's public disclosures.
 */
export default function VillageQrCode() {
  const code = usePageQuery({ queryKey: ['member', 'villageCode', {}, 'image'], queryFn: loadCode })
  const me = usePageQuery(memberQueries.me())
  const village = me.data?.village
  const place = village ? `${village.townshipName}${village.name}` : ''

  return (
    <PageShell title="本村公开二维码" subtitle="扫码打开本村的三务公开，不用入群也能看" loading={code.isPending && !code.data} error={code.error}>
      {code.data ? (
        <View className="card qr-card">
          <Text className="qr-heading">{place ? `${place} 三务公开` : '本村三务公开'}</Text>
          <Text className="qr-sub">{code.data.url ? '扫码查看' : '微信扫码查看'}</Text>
          <Image
            className="qr-image"
            src={code.data.image}
            mode="scaleToFill"
            style={code.data.size ? { width: `${code.data.size}px`, height: `${code.data.size}px` } : undefined}
            showMenuByLongpress
            nativeProps={{ alt: '本村三务公开二维码' }}
          />
          {code.data.url ? <Text className="qr-url">{code.data.url}</Text> : null}
          <Text className="qr-hint">打印贴在村务公开栏，村民和在外务工的家人扫码就能看本村公开</Text>
        </View>
      ) : null}
      {code.data ? (
        <View className="card qr-tips">
          <Text className="qr-tips-title">怎么用</Text>
          <View className="numbered-row">
            <Text className="numbered-index">1.</Text>
            <Text className="numbered-text">长按或截屏保存这张二维码，打印出来。</Text>
          </View>
          <View className="numbered-row">
            <Text className="numbered-index">2.</Text>
            <Text className="numbered-text">贴在村务公开栏和村委会门口。</Text>
          </View>
          <View className="numbered-row">
            <Text className="numbered-index">3.</Text>
            <Text className="numbered-text">扫码的人能看到本村对外公开的内容；想留言、参加评议的，可以在页面上申请加入本村监督群。</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
